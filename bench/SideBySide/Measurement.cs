namespace SideBySide;

/// <summary>One run against one target.</summary>
internal sealed record Measurement(
    double TurnsPerSecond, double CpuMsPerTurn, double P50Ms, double P99Ms, double ColdStartMs, double FirstRequestMs, double PeakRssMiB, int Errors);
