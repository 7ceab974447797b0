namespace CertBot.Tools.Tests.Packaging;

/// <summary>A throw-away copy of the shipped manifest folder that a test may break, plus a place for the zip.</summary>
internal sealed class ManifestFolder : IDisposable
{
    public const string AppId = "0b6f2c3e-1d2a-4e5f-8a9b-0c1d2e3f4a5b";
    public const string BotId = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    public ManifestFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "certbot-package-" + Guid.NewGuid().ToString("N"));
        Directory = Path.Combine(Root, "manifest");
        System.IO.Directory.CreateDirectory(Directory);
        var shipped = Path.Combine(AppContext.BaseDirectory, "manifest");
        foreach (var file in new[] { "manifest.json", "color.png", "outline.png" })
        {
            File.Copy(Path.Combine(shipped, file), Path.Combine(Directory, file));
        }
    }

    public string Root { get; }

    public string Directory { get; }

    public string ZipPath => Path.Combine(Root, "out", "app.zip");

    public string ManifestPath => Path.Combine(Directory, "manifest.json");

    public void Write(string fileName, byte[] bytes) => File.WriteAllBytes(Path.Combine(Directory, fileName), bytes);

    public void EditManifest(Func<string, string> edit) => File.WriteAllText(ManifestPath, edit(File.ReadAllText(ManifestPath)));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Root))
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
    }
}
