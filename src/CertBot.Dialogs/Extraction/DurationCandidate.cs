namespace CertBot.Dialogs.Extraction;

/// <summary>A number of years found at tokens Start..End (unit included).</summary>
/// <param name="HasUnit">False for a bare number ("3"), which only a pending question or a cue can claim.</param>
/// <param name="IsZeroPhrase">"only tutorials": no real experience, whatever cue is near.</param>
internal sealed record DurationCandidate(int Start, int End, double Years, bool HasUnit, bool IsZeroPhrase = false);
