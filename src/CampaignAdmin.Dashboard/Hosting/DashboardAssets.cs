using Microsoft.Extensions.FileProviders;

namespace CampaignAdmin.Dashboard.Hosting;

/// <summary>
/// Serves the repository's <c>wwwroot-assets/</c> (logo, favicon, styles, a little JS) under <c>/assets</c>, straight
/// from that folder: linked files would break static web assets. <c>Dashboard:AssetsPath</c> overrides the search.
/// </summary>
public static class DashboardAssets
{
    public const string FolderName = "wwwroot-assets";
    public const string RequestPath = "/assets";

    public static WebApplication UseDashboardAssets(this WebApplication app)
    {
        var folder = Find(app.Configuration["Dashboard:AssetsPath"], app.Environment.ContentRootPath, AppContext.BaseDirectory);
        if (folder is null)
        {
            app.Logger.LogWarning("No {Folder} folder found: the dashboard runs without its logo and styles", FolderName);
            return app;
        }
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = RequestPath });
        return app;
    }

    /// <summary>The configured folder, or the nearest <c>wwwroot-assets</c> at or above the content root or the app's binaries.</summary>
    public static string? Find(string? configured, params string[] startingPoints)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        foreach (var start in startingPoints)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, FolderName);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
