using Microsoft.Data.Sqlite;

namespace CampaignAdmin.ServiceDefaults;

/// <summary>The one rule for where a SQLite database file lives, for the API's store and the dashboard's alike.</summary>
public static class SqlitePaths
{
    /// <summary>A SQLite connection string whose relative file lives under the content root, its folder created.</summary>
    public static string Resolve(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory) return builder.ToString();
        if (!Path.IsPathRooted(source)) builder.DataSource = source = Path.GetFullPath(Path.Combine(contentRoot, source));
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 60);
        return builder.ToString();
    }
}
