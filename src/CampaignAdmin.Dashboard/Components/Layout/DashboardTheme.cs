using MudBlazor;

namespace CampaignAdmin.Dashboard.Components.Layout;

/// <summary>
/// WhatsApp-ish greens on MudBlazor's defaults, light and dark. The light colours are darker than WhatsApp's and
/// MudBlazor's own (#128C7E, #00C853, #2196F3, #FF9800, #F44336 reach 2.2–4.1:1 on white): every one used as text, or
/// under white text, meets WCAG AA's 4.5:1, also on its own pale tint (text chips, the active menu entry).
/// </summary>
public static class DashboardTheme
{
    /// <summary>The class on <c>html</c> that switches the page to <see cref="Dark"/>'s variables (app.js sets it).</summary>
    public const string DarkClass = "ca-dark";

    public static MudTheme Theme { get; } = Build(":root");

    /// <summary>
    /// The same theme whose variables apply under <c>:root.ca-dark</c> (MudBlazor writes a scope as a pseudo-class, with its colon): App.razor writes both once per page load (static
    /// rendering), so no circuit holds a MudThemeProvider, its palette and its 11,600-character style for as long as the tab
    /// is open (issue 12); switching is a class on <c>html</c>.
    /// </summary>
    public static MudTheme Dark { get; } = Build($":root.{DarkClass}");

    private static MudTheme Build(string scope) => new()
    {
        PseudoCss = new PseudoCss { Scope = scope },
        PaletteLight = new PaletteLight
        {
            Primary = "#00695C",
            Secondary = "#075E54",
            AppbarBackground = "#075E54",
            Tertiary = "#0B58A8",
            Info = "#0B58A8",
            Success = "#1E6823",
            Warning = "#8F4700",
            Error = "#A61B1B",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#25D366",
            Secondary = "#34B7F1",
            AppbarBackground = "#1F2C34",
            Tertiary = "#34B7F1",
        },
    };
}
