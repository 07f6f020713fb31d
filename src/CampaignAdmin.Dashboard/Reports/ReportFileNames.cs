using System.Text;

namespace CampaignAdmin.Dashboard.Reports;

/// <summary>Download names that are safe on every OS and in a Content-Disposition header: ASCII letters, digits and dashes.</summary>
public static class ReportFileNames
{
    public static string For(int campaignId, string campaignName, string extension)
    {
        var slug = Slug(campaignName);
        return slug.Length == 0 ? $"campaign-{campaignId}.{extension}" : $"campaign-{campaignId}-{slug}.{extension}";
    }

    /// <summary>"Spring sale 2025!" → "spring-sale-2025"; Arabic or symbols only → "" (the ID names the file).</summary>
    public static string Slug(string text, int maxLength = 40)
    {
        var slug = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var c in text.ToLowerInvariant())
        {
            if (slug.Length >= maxLength) break;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().Trim('-');
    }
}
