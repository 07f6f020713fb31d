using System.Security.Claims;
using System.Text.Json;
using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New.Import;

/// <summary>
/// A person's column mapping for a template, kept in their browser (localStorage, keyed by user and template name +
/// language) and applied again to a file whose headers are the same.
/// </summary>
public sealed record RememberedMapping(IReadOnlyList<string> Headers, string AccountId, IReadOnlyList<string> Choices, IReadOnlyList<string> FixedValues)
{
    public static string? KeyFor(ClaimsPrincipal user, TemplateDto? template)
    {
        var id = user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.Identity?.Name;
        return template is null || string.IsNullOrEmpty(id) ? null : $"campaignadmin.import-mapping:{id}:{template.Name}:{template.Language}";
    }

    public static RememberedMapping Of(ImportMapping mapping, IReadOnlyList<string> headers) =>
        new([.. headers], mapping.AccountId, [.. mapping.Choices], [.. mapping.FixedValues]);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static RememberedMapping? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<RememberedMapping>(json);
        }
        catch (JsonException)
        {
            return null; // written by another version: forget it
        }
    }

    /// <summary>Applies the mapping when <paramref name="headers"/> are the remembered ones (case and spaces aside); says whether it did.</summary>
    public bool ApplyTo(ImportMapping mapping, IReadOnlyList<string> headers)
    {
        if (Headers is null || Choices is null || FixedValues is null) return false;
        if (Headers.Count != headers.Count || Choices.Count != mapping.Choices.Length || FixedValues.Count != mapping.FixedValues.Length) return false;
        if (!Headers.Zip(headers).All(h => string.Equals(h.First.Trim(), h.Second.Trim(), StringComparison.OrdinalIgnoreCase))) return false;
        mapping.AccountId = AccountId ?? ImportMapping.Unmapped;
        for (var i = 0; i < Choices.Count; i++)
        {
            mapping.Choices[i] = Choices[i] ?? ImportMapping.Unmapped;
            mapping.FixedValues[i] = FixedValues[i] ?? "";
        }
        return true;
    }
}
