namespace CertBot.Tools.Packaging;

/// <summary>What to package: the manifest folder, the ids to fill in and where to write the zip.</summary>
/// <param name="ManifestDirectory">Folder holding manifest.json and the icons it references.</param>
/// <param name="AppId">The Teams app id (a GUID) that replaces <c>{{APP_ID}}</c>.</param>
/// <param name="BotId">The Azure Bot / Entra app id (a GUID) that replaces <c>{{BOT_ID}}</c>.</param>
/// <param name="OutputPath">The zip file to write; its folder is created when missing.</param>
public sealed record AppPackageRequest(string ManifestDirectory, string AppId, string BotId, string OutputPath);
