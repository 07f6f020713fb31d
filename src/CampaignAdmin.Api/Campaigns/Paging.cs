using System.Globalization;
using CampaignAdmin.Contracts.Validation;

namespace CampaignAdmin.Api.Campaigns;

/// <summary><c>resultSize</c> (the vendor's) and <c>offset</c> (ours) as read from a query string.</summary>
internal readonly record struct Paging(int? ResultSize, int Offset)
{
    public static bool TryRead(IQueryCollection query, out Paging paging, out string error)
    {
        paging = default;
        error = "";
        int? size = null;
        var sizeText = query["resultSize"].ToString();
        if (sizeText.Length > 0)
        {
            if (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
            {
                error = ErrorTexts.InvalidResultSize;
                return false;
            }
            size = parsed;
        }
        var offset = 0;
        var offsetText = query["offset"].ToString();
        if (offsetText.Length > 0 && !int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            error = ErrorTexts.InvalidOffset;
            return false;
        }
        paging = new Paging(size, offset);
        return true;
    }

    public static bool TryReadOptionalId(IQueryCollection query, string name, out int? id)
    {
        id = null;
        var text = query[name].ToString();
        if (text.Length == 0) return true;
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
