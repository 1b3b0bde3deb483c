package io.antechamber.api.backtest;

import java.util.List;

/** What a proposed policy would have decided for a room's past check-ins (docs/api.md). */
public record BacktestJson(int evaluated, List<ChangedJson> changed, SummaryJson summary) {
}
