namespace CertBot.Storage.Testing;

/// <summary>The checkout's root (the folder with CertBot.sln), found from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CertBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("CertBot.sln not found above " + AppContext.BaseDirectory);
    }
}
