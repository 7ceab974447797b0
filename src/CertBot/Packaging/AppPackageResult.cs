namespace CertBot.Packaging;

/// <summary>The written Teams app package and what went into it.</summary>
/// <param name="PackagePath">Full path of the zip that was written.</param>
/// <param name="ManifestVersion">The manifest schema version the package targets, e.g. "1.29".</param>
/// <param name="Entries">Zip entry names, all at the zip root for the shipped manifest.</param>
public sealed record AppPackageResult(string PackagePath, string ManifestVersion, IReadOnlyList<string> Entries);
