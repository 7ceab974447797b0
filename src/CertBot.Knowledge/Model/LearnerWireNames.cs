namespace CertBot.Knowledge.Model;

/// <summary>Parses and formats the wire names of <see cref="Role"/> and <see cref="TargetCloud"/> (e.g. software-engineer, gcp).</summary>
public static class LearnerWireNames
{
    /// <summary>software-engineer | data-scientist | ml-practitioner.</summary>
    public static string ToWireName(this Role role) => role switch
    {
        Role.SoftwareEngineer => "software-engineer",
        Role.DataScientist => "data-scientist",
        Role.MlPractitioner => "ml-practitioner",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>gcp | aws | azure | undecided.</summary>
    public static string ToWireName(this TargetCloud cloud) => cloud switch
    {
        TargetCloud.Gcp => "gcp",
        TargetCloud.Aws => "aws",
        TargetCloud.Azure => "azure",
        TargetCloud.Undecided => "undecided",
        _ => throw new ArgumentOutOfRangeException(nameof(cloud), cloud, null),
    };

    /// <summary>Parses a role wire name, ignoring case and surrounding space.</summary>
    public static bool TryParseRole(string? value, out Role role)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "SOFTWARE-ENGINEER": role = Role.SoftwareEngineer; return true;
            case "DATA-SCIENTIST": role = Role.DataScientist; return true;
            case "ML-PRACTITIONER": role = Role.MlPractitioner; return true;
            default: role = default; return false;
        }
    }

    /// <summary>Parses a target cloud wire name, ignoring case and surrounding space.</summary>
    public static bool TryParseCloud(string? value, out TargetCloud cloud)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "GCP": cloud = TargetCloud.Gcp; return true;
            case "AWS": cloud = TargetCloud.Aws; return true;
            case "AZURE": cloud = TargetCloud.Azure; return true;
            case "UNDECIDED": cloud = TargetCloud.Undecided; return true;
            default: cloud = default; return false;
        }
    }

    /// <summary>Parses a role wire name or throws <see cref="FormatException"/>.</summary>
    public static Role ParseRole(string value) =>
        TryParseRole(value, out var role) ? role : throw new FormatException($"Unknown role '{value}'.");

    /// <summary>Parses a target cloud wire name or throws <see cref="FormatException"/>.</summary>
    public static TargetCloud ParseCloud(string value) =>
        TryParseCloud(value, out var cloud) ? cloud : throw new FormatException($"Unknown target cloud '{value}'.");
}
