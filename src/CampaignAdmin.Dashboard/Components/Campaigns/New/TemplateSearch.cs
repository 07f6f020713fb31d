using System.Globalization;
using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>
/// What the template picker's words match: a part of the name, the start of the category ("mark" → MARKETING), a language
/// code exactly ("ar" is Arabic, never the "ar" inside MARKETING; "en" also finds en_US, a language and its regions) or a
/// language by the start of a word of its English name ("arab", "english", "united").
/// </summary>
public static class TemplateSearch
{
    public static IEnumerable<TemplateDto> Filter(IEnumerable<TemplateDto> templates, string? text)
    {
        var terms = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return templates.Where(t => terms.All(term => Matches(t, term)));
    }

    public static bool Matches(TemplateDto template, string term) =>
        template.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
        || template.Category.StartsWith(term, StringComparison.OrdinalIgnoreCase)
        || LanguageMatches(template.Language, term);

    public static bool LanguageMatches(string code, string term)
    {
        var (wanted, given) = (Code(term), Code(code));
        if (wanted.Length == 0 || given.Length == 0) return false;
        if (wanted == given || given.Split('-')[0] == wanted) return true;
        // A language's name from its third letter on: "a" or "ar" alone would find every name with an A.
        return term.Trim().Length >= 3 && LanguageName(code) is { } name && name.Split([' ', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries)
            .Any(word => word.StartsWith(term, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"Arabic", "English (United States)"; <c>null</c> for a code .NET does not know.</summary>
    public static string? LanguageName(string code)
    {
        if (Code(code) is not { Length: > 0 } name) return null;
        try
        {
            var culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            return culture.EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    private static string Code(string text) => text.Trim().Replace('_', '-').ToLowerInvariant();
}
