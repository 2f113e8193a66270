//! The charts of the charts view, their tab labels and export file names.

/// The charts the view can show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ChartKind {
    /// GERD (and BERD) as % of GDP over time.
    #[default]
    RdSpending,
    /// Share of world PCT applications in one WIPO sector over time.
    PatentTrend,
    /// Share of world PCT applications by WIPO sector in one year.
    PatentSectors,
    /// The ATI report's findings on patents and specialisation by technology field.
    TechnologyFindings,
    /// The ATI report's findings on exports, trade balance and venture capital.
    MarketFindings,
    /// Korea's policy budgets as stated in the ATI report.
    PolicyBudgets,
}

impl ChartKind {
    /// Every chart, in the order of the tabs.
    pub const ALL: [ChartKind; 6] = [
        ChartKind::RdSpending,
        ChartKind::PatentTrend,
        ChartKind::PatentSectors,
        ChartKind::TechnologyFindings,
        ChartKind::MarketFindings,
        ChartKind::PolicyBudgets,
    ];

    /// The tab label.
    pub fn label(self) -> &'static str {
        match self {
            ChartKind::RdSpending => "R&D spending",
            ChartKind::PatentTrend => "Patent shares over time",
            ChartKind::PatentSectors => "Patent shares by sector",
            ChartKind::TechnologyFindings => "ATI: technology fields",
            ChartKind::MarketFindings => "ATI: trade & investment",
            ChartKind::PolicyBudgets => "Policy budgets",
        }
    }

    /// A file name stem for exports.
    pub fn file_stem(self) -> &'static str {
        match self {
            ChartKind::RdSpending => "rd-spending",
            ChartKind::PatentTrend => "patent-shares-over-time",
            ChartKind::PatentSectors => "patent-shares-by-sector",
            ChartKind::TechnologyFindings => "ati-technology-findings",
            ChartKind::MarketFindings => "ati-trade-investment-findings",
            ChartKind::PolicyBudgets => "policy-budgets",
        }
    }
}
