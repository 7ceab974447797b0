using System.Globalization;
using CertBot.Knowledge;

namespace CertBot.Conversation;

/// <summary>Turns the dialog's slot values (and shared-card profiles) into the recommender's profile.</summary>
public static class LearnerProfileMapping
{
    public const string RoleSlot = "role";
    public const string MlYearsSlot = "mlYears";
    public const string CloudSlot = "cloud";
    public const string CloudYearsSlot = "cloudYears";

    public static bool TryFromSlots(IReadOnlyDictionary<string, string> values, out LearnerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(values);
        profile = default!;
        if (!values.TryGetValue(RoleSlot, out var roleText) || !LearnerWireNames.TryParseRole(roleText, out var role)
            || !values.TryGetValue(MlYearsSlot, out var yearsText) || !TryParseYears(yearsText, out var mlYears))
        {
            return false;
        }

        var cloud = values.TryGetValue(CloudSlot, out var cloudText) && LearnerWireNames.TryParseCloud(cloudText, out var parsed)
            ? parsed
            : TargetCloud.Undecided;
        decimal? cloudYears = values.TryGetValue(CloudYearsSlot, out var cloudYearsText) && TryParseYears(cloudYearsText, out var years) ? years : null;
        profile = new LearnerProfile(role, mlYears, cloud, cloudYears);
        return true;
    }

    public static bool TryFromShared(SharedProfile? shared, out LearnerProfile profile)
    {
        profile = default!;
        if (shared is null || !LearnerWireNames.TryParseRole(shared.Role, out var role) || shared.MlYears is not { } mlYears || mlYears < 0 || mlYears > 60)
        {
            return false;
        }

        var cloud = LearnerWireNames.TryParseCloud(shared.Cloud, out var parsed) ? parsed : TargetCloud.Undecided;
        profile = new LearnerProfile(role, mlYears, cloud, shared.CloudYears is >= 0 and <= 60 ? shared.CloudYears : null);
        return true;
    }

    public static SharedProfile ToShared(LearnerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new SharedProfile(profile.Role.ToWireName(), profile.MlYears, profile.Cloud.ToWireName(), profile.CloudYears);
    }

    public static string FormatYears(decimal years) => years.ToString("0.##", CultureInfo.InvariantCulture);

    private static bool TryParseYears(string? text, out decimal years)
        => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out years) && years >= 0;
}
