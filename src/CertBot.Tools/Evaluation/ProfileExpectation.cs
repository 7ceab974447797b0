using System.Globalization;

namespace CertBot.Tools.Evaluation;

/// <summary>The expected value of one slot: an exact value (role, cloud) or an inclusive numeric range (years).</summary>
public sealed record ProfileExpectation(string? Exact, double Min, double Max)
{
    public static ProfileExpectation Of(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new ProfileExpectation(null, number, number)
            : new ProfileExpectation(value, 0, 0);

    public static ProfileExpectation Between(double min, double max) => new(null, Math.Min(min, max), Math.Max(min, max));

    /// <summary>True when the value read from the message is what was expected (numbers within 0.01 of the range).</summary>
    public bool IsMetBy(string? actual)
    {
        if (actual is null)
        {
            return false;
        }

        if (Exact is not null)
        {
            return string.Equals(Exact, actual, StringComparison.Ordinal);
        }

        return double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && number >= Min - 0.01 && number <= Max + 0.01;
    }

    public override string ToString() =>
        Exact ?? (Min == Max ? Min.ToString(CultureInfo.InvariantCulture) : $"{Min.ToString(CultureInfo.InvariantCulture)}-{Max.ToString(CultureInfo.InvariantCulture)}");
}
