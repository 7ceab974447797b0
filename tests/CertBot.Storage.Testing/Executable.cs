namespace CertBot.Storage.Testing;

/// <summary>Finds a program on PATH, as the shell would.</summary>
public static class Executable
{
    public static string? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd" } : [name])
            {
                var path = Path.Combine(directory, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }
}
