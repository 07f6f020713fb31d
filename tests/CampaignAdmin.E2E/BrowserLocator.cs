namespace CampaignAdmin.E2E;

/// <summary>Finds the system Chromium (Debian's /usr/bin/chromium); Playwright never downloads a browser here.</summary>
public static class BrowserLocator
{
    public const string EnvironmentVariable = "CHROMIUM_PATH";

    private static readonly string[] Candidates =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    public static string Find()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{EnvironmentVariable} points at '{configured}', which does not exist.");
        }
        return Candidates.FirstOrDefault(File.Exists)
               ?? throw new InvalidOperationException(
                   $"No Chromium found (looked at {string.Join(", ", Candidates)}). Install it with 'apt-get install -y chromium' " +
                   $"or set {EnvironmentVariable} to a Chromium or Chrome executable.");
    }
}
