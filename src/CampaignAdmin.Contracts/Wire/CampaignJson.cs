using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignAdmin.Contracts.Wire;

/// <summary>The one set of JSON options both sides of the wire use: Go field names out, any case in.</summary>
public static class CampaignJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            // Go's encoding/json matches keys case-insensitively and writes field names verbatim.
            PropertyNameCaseInsensitive = true,
            PropertyNamingPolicy = null,
            // Arabic text and '+' in phone numbers stay readable on the wire; quotes and controls are still escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 32,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
