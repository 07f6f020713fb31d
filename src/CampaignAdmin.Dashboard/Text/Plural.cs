namespace CampaignAdmin.Dashboard.Text;

/// <summary>Counted nouns, said right for one and for many: "1 failed message", "2 failed messages", "1,200 campaigns".</summary>
public static class Plural
{
    /// <summary>The count (with thousands separators) and the noun; <paramref name="plural"/> for an irregular one ("entries").</summary>
    public static string Of(int count, string singular, string? plural = null) => $"{count:N0} {Noun(count, singular, plural)}";

    /// <summary>Only the noun, for a sentence that puts the count elsewhere ("Resent 1 of 2 failed messages").</summary>
    public static string Noun(int count, string singular, string? plural = null) => count == 1 ? singular : plural ?? singular + "s";
}
