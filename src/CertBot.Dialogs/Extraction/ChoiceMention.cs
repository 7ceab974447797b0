namespace CertBot.Dialogs.Extraction;

/// <summary>A choice named at tokens Start..Start+Length-1.</summary>
internal sealed record ChoiceMention(string Value, int Start, int Length)
{
    public int End => Start + Length - 1;
}
