using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CampaignAdmin.Contracts.Templates;

/// <summary>
/// A campaign's send JSON parsed once into literal text and holes, so each of a campaign's messages is built
/// without re-scanning: <c>&lt;accountID&gt;</c>, <c>&lt;namespace&gt;</c> and each <c>{{N}}</c>, filled JSON-escaped.
/// </summary>
public sealed class MessagePayload
{
    private const string AccountIdToken = "<accountID>";
    private const string NamespaceToken = "<namespace>";

    private readonly List<Segment> _segments = [];

    private MessagePayload() { }

    public static MessagePayload Parse(string json)
    {
        var payload = new MessagePayload();
        var distinct = Variables.Distinct(json);
        var position = 0;
        var matches = Variables.Token().Matches(json);
        var holes = matches.Select(m => (m.Index, m.Length, Param: Variables.ParamIndex(m.Groups[1].Value, distinct)))
            .Concat(AllIndexes(json, AccountIdToken).Select(i => (Index: i, AccountIdToken.Length, Param: Segment.AccountId)))
            .Concat(AllIndexes(json, NamespaceToken).Select(i => (Index: i, NamespaceToken.Length, Param: Segment.Namespace)))
            .OrderBy(h => h.Index);
        foreach (var (index, length, param) in holes)
        {
            if (index > position) payload._segments.Add(new Segment(json[position..index], Segment.Literal));
            payload._segments.Add(new Segment(json.Substring(index, length), param));
            position = index + length;
        }
        if (position < json.Length) payload._segments.Add(new Segment(json[position..], Segment.Literal));
        return payload;
    }

    public string Render(string accountId, string @namespace, IReadOnlyList<string> parameters)
    {
        var builder = new StringBuilder(256);
        foreach (var segment in _segments)
        {
            switch (segment.Param)
            {
                case Segment.Literal: builder.Append(segment.Text); break;
                case Segment.AccountId: builder.Append(Escape(accountId)); break;
                case Segment.Namespace: builder.Append(Escape(@namespace)); break;
                default:
                    builder.Append(segment.Param < parameters.Count ? Escape(parameters[segment.Param]) : segment.Text);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>The value as it may stand inside a JSON string: quotes, backslashes and controls escaped.</summary>
    private static string Escape(string value)
    {
        var quoted = JsonSerializer.Serialize(value, EscapeOptions);
        return quoted[1..^1];
    }

    private static readonly JsonSerializerOptions EscapeOptions =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IEnumerable<int> AllIndexes(string text, string token)
    {
        for (var i = text.IndexOf(token, StringComparison.Ordinal); i >= 0; i = text.IndexOf(token, i + token.Length, StringComparison.Ordinal))
            yield return i;
    }

    private readonly record struct Segment(string Text, int Param)
    {
        public const int Literal = -1;
        public const int AccountId = -2;
        public const int Namespace = -3;
    }
}
