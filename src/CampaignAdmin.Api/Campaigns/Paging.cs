using System.Globalization;
using CampaignAdmin.Contracts.Validation;

namespace CampaignAdmin.Api.Campaigns;

/// <summary><c>resultSize</c> (the vendor's) and <c>offset</c> (ours, docs/EXTENSIONS.md) as read from a query string.</summary>
internal readonly record struct Paging(int? ResultSize, int Offset)
{
    /// <summary>The paging the two texts ask for, or the 400 text of the first bad one.</summary>
    public static string? Read(string? resultSize, string? offset, out Paging paging)
    {
        paging = default;
        int? size = null;
        if (!string.IsNullOrEmpty(resultSize))
        {
            if (!int.TryParse(resultSize, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
                return ErrorTexts.InvalidResultSize;
            size = parsed;
        }
        var skip = 0;
        if (!string.IsNullOrEmpty(offset) && !int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out skip))
            return ErrorTexts.InvalidOffset;
        paging = new Paging(size, skip);
        return null;
    }

    /// <summary>A positive ID, or none when the text is empty; false for anything else.</summary>
    public static bool TryReadOptionalId(string? text, out int? id)
    {
        id = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0) return false;
        id = parsed;
        return true;
    }

    public IQueryable<T> Apply<T>(IQueryable<T> ordered)
    {
        var query = Offset > 0 ? ordered.Skip(Offset) : ordered;
        return ResultSize is { } size ? query.Take(size) : query;
    }

    /// <summary>A LIKE pattern for "contains", with the caller's own % and _ taken literally.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
