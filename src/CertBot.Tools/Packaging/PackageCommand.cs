using System.Globalization;

namespace CertBot.Tools.Packaging;

/// <summary>The <c>package</c> CLI verb: builds the Teams app zip from the manifest folder.</summary>
public static class PackageCommand
{
    /// <summary>Zip written when <c>--out</c> is not given.</summary>
    public const string DefaultOutput = "certbot-teams-app.zip";

    /// <summary>Exit code for success.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code when the manifest or icons cannot be packaged.</summary>
    public const int ExitPackageInvalid = 1;

    /// <summary>Exit code for missing or malformed command-line arguments.</summary>
    public const int ExitUsage = 2;

    private const string Usage =
        "usage: certbot package --app-id <guid> --bot-id <guid> [--out <file.zip>] [--manifest-dir <dir>]";

    /// <summary>Parses <paramref name="args"/> (the words after <c>package</c>), builds the package and reports on the writers.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        if (args.Any(arg => arg is "-h" or "--help"))
        {
            await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitOk;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is not ("--app-id" or "--bot-id" or "--out" or "--manifest-dir"))
            {
                return await FailUsageAsync(stderr, $"unknown argument '{name}'").ConfigureAwait(false);
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return await FailUsageAsync(stderr, $"{name} needs a value").ConfigureAwait(false);
            }

            if (!options.TryAdd(name, args[++i]))
            {
                return await FailUsageAsync(stderr, $"{name} was given more than once").ConfigureAwait(false);
            }
        }

        foreach (var required in new[] { "--app-id", "--bot-id" })
        {
            if (!options.TryGetValue(required, out var value))
            {
                return await FailUsageAsync(stderr, $"{required} <guid> is required").ConfigureAwait(false);
            }

            if (!Guid.TryParseExact(value, "D", out _))
            {
                return await FailUsageAsync(stderr, $"{required} must be a GUID like 00000000-0000-0000-0000-000000000000, got '{value}'").ConfigureAwait(false);
            }
        }

        var request = new AppPackageRequest(
            options.GetValueOrDefault("--manifest-dir") ?? DefaultManifestDirectory(),
            options["--app-id"],
            options["--bot-id"],
            options.GetValueOrDefault("--out") ?? DefaultOutput);
        try
        {
            var result = AppPackageBuilder.Build(request);
            await ReportAsync(result, request.ManifestDirectory, stdout, stderr).ConfigureAwait(false);
            // Last line: the zip, so scripts can take it from the end of the output.
            await stdout.WriteLineAsync(result.PackagePath).ConfigureAwait(false);
            return ExitOk;
        }
        catch (ArgumentException ex)
        {
            return await FailUsageAsync(stderr, ex.Message).ConfigureAwait(false);
        }
        catch (AppPackageException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitPackageInvalid;
        }
        catch (IOException ex)
        {
            await stderr.WriteLineAsync($"error: cannot write the package: {ex.Message}").ConfigureAwait(false);
            return ExitPackageInvalid;
        }
        catch (UnauthorizedAccessException ex)
        {
            await stderr.WriteLineAsync($"error: cannot write the package: {ex.Message}").ConfigureAwait(false);
            return ExitPackageInvalid;
        }
    }

    /// <summary>The <c>manifest</c> folder copied next to the binary, else <c>./manifest</c>.</summary>
    public static string DefaultManifestDirectory()
    {
        var besideBinary = Path.Combine(AppContext.BaseDirectory, "manifest");
        return File.Exists(Path.Combine(besideBinary, AppPackageBuilder.ManifestFileName))
            ? besideBinary
            : Path.Combine(Directory.GetCurrentDirectory(), "manifest");
    }

    private static async Task ReportAsync(AppPackageResult result, string manifestDirectory, TextWriter stdout, TextWriter stderr)
    {
        var width = result.Filled.Concat(result.ExampleUrls).Select(field => field.Path.Length).DefaultIfEmpty(0).Max();
        await stdout.WriteLineAsync($"Filled in {AppPackageBuilder.ManifestFileName}:").ConfigureAwait(false);
        foreach (var field in result.Filled)
        {
            await stdout.WriteLineAsync($"  {field.Path.PadRight(width)}  {field.Value}").ConfigureAwait(false);
        }

        if (result.ExampleUrls.Count > 0)
        {
            var manifest = Path.Combine(Path.GetFullPath(manifestDirectory), AppPackageBuilder.ManifestFileName);
            await stderr.WriteLineAsync(
                $"warning: {AppPackageBuilder.ManifestFileName} still links to placeholder example URLs, which Teams shows to users in the app details; "
                + $"replace them in {manifest} (or pass --manifest-dir with your own copy) before publishing:").ConfigureAwait(false);
            foreach (var field in result.ExampleUrls)
            {
                await stderr.WriteLineAsync($"  {field.Path.PadRight(width)}  {field.Value}").ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> FailUsageAsync(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"error: {message}")).ConfigureAwait(false);
        await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
        return ExitUsage;
    }
}
