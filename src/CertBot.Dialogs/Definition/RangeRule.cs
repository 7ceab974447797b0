namespace CertBot.Dialogs.Definition;

/// <summary>Which number a range of durations ("2-3 years") stands for.</summary>
public enum RangeRule
{
    /// <summary>The lower bound: never overstate experience.</summary>
    Lower,

    /// <summary>The midpoint.</summary>
    Midpoint,
}
