namespace CertBot.Tests.Support;

/// <summary>The dialogs folder the tests' build ships (the real catalogues and knowledge), for fixtures that add files to a copy of it.</summary>
public static class ShippedDialogs
{
    /// <summary>Copies every catalogue and knowledge file of the shipped dialogs folder into <paramref name="folder"/>.</summary>
    public static void CopyTo(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "dialogs"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }
}
