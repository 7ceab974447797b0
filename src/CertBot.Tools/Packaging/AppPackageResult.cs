namespace CertBot.Tools.Packaging;

/// <summary>The written Teams app package and what went into it.</summary>
/// <param name="PackagePath">Full path of the zip that was written.</param>
/// <param name="ManifestVersion">The manifest schema version the package targets, e.g. "1.29".</param>
/// <param name="Entries">Zip entry names, all at the zip root for the shipped manifest.</param>
public sealed record AppPackageResult(string PackagePath, string ManifestVersion, IReadOnlyList<string> Entries)
{
    /// <summary>The manifest fields the ids were written into, with the value each got.</summary>
    public IReadOnlyList<ManifestField> Filled { get; init; } = [];

    /// <summary>URLs still on a reserved example domain (the shipped developer and privacy links), to replace before publishing.</summary>
    public IReadOnlyList<ManifestField> ExampleUrls { get; init; } = [];
}
