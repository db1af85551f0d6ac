using Microsoft.Data.Sqlite;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// The database and key files are readable by their owner only (0600 on Unix): the default umask would leave them
/// readable by every account on the machine. SQLite creates a database's -wal and -shm files with the database
/// file's own permissions, so creating the database file first, owner-only, covers them; files left from an earlier
/// version are tightened when the app starts. Nothing to do on Windows, where a new file takes its folder's ACL.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder owner-only (0700) if it does not exist yet; an existing folder is left as it is.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows() || Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, DirectoryMode);
    }

    /// <summary>
    /// Before SQLite opens the database in <paramref name="connectionString"/>: creates its file owner-only if it
    /// does not exist (an empty file is an empty SQLite database), and makes it and its -wal and -shm files
    /// owner-only if they do. In-memory and URI databases are left alone.
    /// </summary>
    public static void PrepareSqliteDatabase(string connectionString)
    {
        var settings = new SqliteConnectionStringBuilder(connectionString);
        var file = settings.DataSource;
        if (settings.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        PrepareSqliteFile(file, create: settings.Mode is SqliteOpenMode.ReadWriteCreate);
    }

    /// <summary>Creates <paramref name="file"/> owner-only when asked and absent; makes it, -wal and -shm owner-only when present.</summary>
    public static void PrepareSqliteFile(string file, bool create = true)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (create && !File.Exists(file))
        {
            try
            {
                using var created = new FileStream(file, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another instance created it first; it is tightened below like any existing file.
            }
        }

        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            Restrict(path);
        }
    }

    /// <summary>Makes an existing file owner-only (0600); a missing file is ignored.</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return;
        }

        if ((File.GetUnixFileMode(path) & ~FileMode) != 0)
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }
}
