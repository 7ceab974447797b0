using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using StbImageSharp;

namespace CertBot.Tools.Packaging;

/// <summary>Turns the <c>manifest/</c> folder into an upload-ready Teams app zip (manifest.json and icons at the zip root).</summary>
public static partial class AppPackageBuilder
{
    /// <summary>Placeholder in manifest.json replaced by the Teams app id.</summary>
    public const string AppIdPlaceholder = "{{APP_ID}}";

    /// <summary>Placeholder in manifest.json replaced by the bot's app id.</summary>
    public const string BotIdPlaceholder = "{{BOT_ID}}";

    /// <summary>Name of the manifest file inside the manifest folder and the zip.</summary>
    public const string ManifestFileName = "manifest.json";

    private const int ColorIconSize = 192;
    private const int OutlineIconSize = 32;

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    // Zip entries get a fixed timestamp so the same inputs always produce the same bytes.
    private static readonly DateTimeOffset EntryTimestamp = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Validates the manifest folder and the ids, then writes the package zip.</summary>
    /// <exception cref="ArgumentException">An id is not a GUID or a path is empty (the message names the argument).</exception>
    /// <exception cref="AppPackageException">The manifest or its icons break a Teams packaging rule.</exception>
    public static AppPackageResult Build(AppPackageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var appId = ParseId(request.AppId, nameof(request.AppId));
        var botId = ParseId(request.BotId, nameof(request.BotId));
        if (string.IsNullOrWhiteSpace(request.ManifestDirectory))
        {
            throw new ArgumentException("ManifestDirectory must name the folder holding manifest.json.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.OutputPath))
        {
            throw new ArgumentException("OutputPath must name the zip file to write.", nameof(request));
        }

        var manifestDirectory = Path.GetFullPath(request.ManifestDirectory);
        var manifestPath = Path.Combine(manifestDirectory, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            throw new AppPackageException($"No {ManifestFileName} in '{manifestDirectory}'.");
        }

        var template = File.ReadAllText(manifestPath);
        var filled = FilledFields(template, appId, botId);
        var manifestText = template
            .Replace(AppIdPlaceholder, appId, StringComparison.Ordinal)
            .Replace(BotIdPlaceholder, botId, StringComparison.Ordinal);
        var leftover = LeftoverPlaceholder().Match(manifestText);
        if (leftover.Success)
        {
            throw new AppPackageException($"{ManifestFileName} still contains the placeholder {leftover.Value}, which this builder does not fill.");
        }

        var (manifestVersion, icons, exampleUrls) = ReadManifest(manifestText);
        var iconFiles = new List<(string EntryName, string Path)>();
        foreach (var (role, relativePath, size) in icons)
        {
            var iconPath = ResolveIcon(manifestDirectory, role, relativePath);
            CheckIcon(iconPath, role, size);
            iconFiles.Add((relativePath.Replace('\\', '/'), iconPath));
        }

        var outputPath = Path.GetFullPath(request.OutputPath);
        var entries = WriteZip(outputPath, manifestText, iconFiles);
        return new AppPackageResult(outputPath, manifestVersion, entries) { Filled = filled, ExampleUrls = exampleUrls };
    }

    // Read from the template, so the report names the fields the ids went into, not fields that merely equal them.
    private static List<ManifestField> FilledFields(string template, string appId, string botId)
    {
        try
        {
            using var document = JsonDocument.Parse(template);
            return
            [
                .. ManifestPlaceholders.FieldsHolding(document.RootElement, AppIdPlaceholder).Select(path => new ManifestField(path, appId)),
                .. ManifestPlaceholders.FieldsHolding(document.RootElement, BotIdPlaceholder).Select(path => new ManifestField(path, botId)),
            ];
        }
        catch (JsonException)
        {
            return []; // ReadManifest reports the invalid JSON with its position.
        }
    }

    private static string ParseId(string? value, string argumentName)
    {
        if (string.IsNullOrWhiteSpace(value) || !Guid.TryParseExact(value.Trim(), "D", out var id))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{argumentName} must be a GUID like 00000000-0000-0000-0000-000000000000, got '{value}'."),
                argumentName);
        }

        if (id == Guid.Empty)
        {
            throw new ArgumentException($"{argumentName} must not be the empty GUID.", argumentName);
        }

        return id.ToString("D");
    }

    private static (string Version, List<(string Role, string Path, int Size)> Icons, IReadOnlyList<ManifestField> ExampleUrls) ReadManifest(string manifestText)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(manifestText);
        }
        catch (JsonException ex)
        {
            throw new AppPackageException($"{ManifestFileName} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AppPackageException($"{ManifestFileName} must be a JSON object.");
            }

            var version = StringProperty(root, "manifestVersion")
                ?? throw new AppPackageException($"{ManifestFileName} has no string \"manifestVersion\".");
            var schema = StringProperty(root, "$schema")
                ?? throw new AppPackageException($"{ManifestFileName} has no string \"$schema\".");
            var schemaVersion = SchemaVersion().Match(schema);
            if (!schemaVersion.Success)
            {
                throw new AppPackageException($"\"$schema\" '{schema}' is not a Teams manifest schema URL (…/teams/v<version>/MicrosoftTeams.schema.json).");
            }

            if (!string.Equals(schemaVersion.Groups["version"].Value, version, StringComparison.OrdinalIgnoreCase))
            {
                throw new AppPackageException(
                    $"\"manifestVersion\" is '{version}' but \"$schema\" points at v{schemaVersion.Groups["version"].Value}; they must match.");
            }

            if (!root.TryGetProperty("icons", out var icons) || icons.ValueKind != JsonValueKind.Object)
            {
                throw new AppPackageException($"{ManifestFileName} has no \"icons\" object.");
            }

            var list = new List<(string, string, int)>
            {
                ("color", StringProperty(icons, "color") ?? throw new AppPackageException("\"icons.color\" is missing."), ColorIconSize),
                ("outline", StringProperty(icons, "outline") ?? throw new AppPackageException("\"icons.outline\" is missing."), OutlineIconSize),
            };
            return (version, list, ManifestPlaceholders.ExampleUrls(root));
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string ResolveIcon(string manifestDirectory, string role, string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath) || relativePath.Contains("..", StringComparison.Ordinal))
        {
            throw new AppPackageException($"\"icons.{role}\" must be a relative path inside the manifest folder, got '{relativePath}'.");
        }

        var path = Path.Combine(manifestDirectory, relativePath);
        if (!File.Exists(path))
        {
            throw new AppPackageException($"The {role} icon '{relativePath}' does not exist in '{manifestDirectory}'.");
        }

        return path;
    }

    private static void CheckIcon(string path, string role, int size)
    {
        var fileName = Path.GetFileName(path);
        var bytes = File.ReadAllBytes(path);
        // The decoder reads JPEG, BMP, GIF and more; Teams takes only PNG icons.
        if (!bytes.AsSpan().StartsWith(PngSignature))
        {
            throw new AppPackageException($"The {role} icon '{fileName}' is not a PNG file (bad signature).");
        }

        ImageResult image;
        try
        {
            image = ImageResult.FromMemory(bytes, ColorComponents.RedGreenBlueAlpha);
        }
        catch (InvalidOperationException ex)
        {
            throw new AppPackageException($"The {role} icon '{fileName}' cannot be decoded: {ex.Message}", ex);
        }

        if (image.Width != size || image.Height != size)
        {
            throw new AppPackageException(string.Create(
                CultureInfo.InvariantCulture,
                $"The {role} icon '{fileName}' is {image.Width}x{image.Height}; Teams requires {size}x{size}."));
        }

        if (role == "outline")
        {
            CheckOutlinePixels(image.Data, fileName);
        }
    }

    private static void CheckOutlinePixels(byte[] rgba, string fileName)
    {
        var pixel = rgba.Chunk(4).Index().FirstOrDefault(p => p.Item[3] != 0 && (p.Item[0] != 255 || p.Item[1] != 255 || p.Item[2] != 255));
        if (pixel.Item is { } p)
        {
            throw new AppPackageException(string.Create(
                CultureInfo.InvariantCulture,
                $"The outline icon '{fileName}' must be white on a transparent background; pixel ({pixel.Index % OutlineIconSize},{pixel.Index / OutlineIconSize}) is rgba({p[0]},{p[1]},{p[2]},{p[3]})."));
        }
    }

    private static List<string> WriteZip(string outputPath, string manifestText, List<(string EntryName, string Path)> icons)
    {
        var directory = Path.GetDirectoryName(outputPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Write next to the target and move, so a failed run never leaves a half-written package behind.
        var temporaryPath = outputPath + ".tmp";
        try
        {
            var entries = WriteEntries(temporaryPath, manifestText, icons);
            File.Move(temporaryPath, outputPath, overwrite: true);
            return entries;
        }
        catch
        {
            File.Delete(temporaryPath);
            throw;
        }
    }

    private static List<string> WriteEntries(string zipPath, string manifestText, List<(string EntryName, string Path)> icons)
    {
        var entries = new List<string>();
        using (var file = new FileStream(zipPath, FileMode.Create, FileAccess.Write))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            var manifestEntry = zip.CreateEntry(ManifestFileName, CompressionLevel.Optimal);
            manifestEntry.LastWriteTime = EntryTimestamp;
            using (var writer = new StreamWriter(manifestEntry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                writer.Write(manifestText);
            }

            entries.Add(ManifestFileName);
            foreach (var (entryName, path) in icons.DistinctBy(icon => icon.EntryName, StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(entryName, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTimestamp;
                using (var target = entry.Open())
                using (var source = File.OpenRead(path))
                {
                    source.CopyTo(target);
                }

                entries.Add(entryName);
            }
        }

        return entries;
    }

    [GeneratedRegex(@"\{\{[A-Za-z0-9_]+\}\}")]
    private static partial Regex LeftoverPlaceholder();

    [GeneratedRegex(@"/teams/v(?<version>[0-9]+\.[0-9]+|devPreview)/MicrosoftTeams\.schema\.json$", RegexOptions.IgnoreCase)]
    private static partial Regex SchemaVersion();
}
