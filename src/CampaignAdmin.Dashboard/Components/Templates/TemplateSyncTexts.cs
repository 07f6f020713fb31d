using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Dashboard.Components.Templates;

/// <summary>What the Templates page says about a sync from WhatsApp.</summary>
public static class TemplateSyncTexts
{
    public static string Done(TemplateSyncReport report) =>
        $"Synced {report.Templates} templates from WhatsApp: {report.Added} added, {report.Updated} updated."
        + (report.Truncated.Length > 0 ? $" The list was cut: {report.Truncated}." : "");

    public static string Failed(string why) => $"The sync from WhatsApp failed. {why}";
}
