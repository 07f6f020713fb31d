using MudBlazor;

namespace CampaignAdmin.Dashboard.Components.Layout;

/// <summary>WhatsApp-ish greens on MudBlazor's defaults, light and dark.</summary>
public static class DashboardTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#128C7E",
            Secondary = "#075E54",
            AppbarBackground = "#075E54",
            Tertiary = "#34B7F1",
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
