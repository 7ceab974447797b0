namespace CertBot.Tools;

/// <summary>Where the CLI finds the knowledge's facts file (its text files sit beside it) when no path is given.</summary>
public static class KnowledgePath
{
    public const string Default = "dialogs/knowledge.yaml";

    public static string Resolve(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return Path.GetFullPath(given);
        }

        var local = Path.GetFullPath(Default);
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, Default);
    }
}
