using System.Diagnostics;

namespace CertBot.Protocol.Tests.Faults;

/// <summary>
/// Makes files unwritable the way an operator's mistake would: <c>chmod</c> for an ordinary user; as root (who ignores
/// mode bits, as in CI containers) the immutable attribute, which even root cannot write through.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class FileFaults
{
    public static bool IsRoot => Environment.UserName == "root";

    public static void MakeUnwritable(string path)
    {
        if (IsRoot)
        {
            Run("chattr", "+i", path);
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead);
        }
    }

    public static void MakeWritable(string path)
    {
        if (IsRoot)
        {
            Run("chattr", "-i", path);
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Mounts a small tmpfs (root only) so a test can fill a disk; null when this process may not mount.</summary>
    public static string? MountSmallDisk(int megabytes)
    {
        if (!IsRoot)
        {
            return null;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"certbot-disk-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder) == 0 ? folder : null;
    }

    public static void Unmount(string folder)
    {
        Run("umount", folder);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Writes a file until the disk is full; returns its path.</summary>
    public static string Fill(string folder)
    {
        var filler = Path.Combine(folder, "filler");
        using var stream = File.Create(filler);
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // The disk is full.
        }

        return filler;
    }

    private static int Run(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
        if (process.ExitCode != 0 && tool != "mount")
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed: {process.StandardError.ReadToEnd()}");
        }

        return process.ExitCode;
    }
}
