using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignAdmin.Tests.Shared;

/// <summary>
/// The business account's templates, as Meta's <c>/{waba}/message_templates</c> serves them: the list in pages of
/// <see cref="TemplatePageSize"/> with <c>paging.cursors.after</c> and <c>paging.next</c> (absent on the last page), and
/// the create, which answers <c>{"id","status":"PENDING","category"}</c> or Meta's error for a refused one.
/// </summary>
public sealed partial class FakeGraphApi
{
    /// <summary>What the list serves, in order (Meta's template objects). Tests fill it before they sync.</summary>
    public ConcurrentQueue<JsonObject> MetaTemplates { get; } = new();

    /// <summary>Meta's page size is up to 100; small here so a few templates make several pages.</summary>
    public int TemplatePageSize { get; set; } = 2;

    /// <summary>A create of a template whose name starts with this is refused the way Meta refuses one (400, code 100).</summary>
    public const string RefusedPrefix = "refused_";

    public const string RefusalMessage = "The template body contains variables at the start or end, which is not allowed.";

    /// <summary>Makes the list answer 500 (Meta's error body) while set.</summary>
    public bool TemplateListFails { get; set; }

    partial void MapTemplates(WebApplication app)
    {
        app.MapGet($"/{Version}/{{waba}}/message_templates", (HttpRequest request, string waba) =>
        {
            if (TemplateListFails) return Error(500, 1, "An unknown error occurred");
            var all = MetaTemplates.ToArray();
            var start = int.TryParse(request.Query["after"].ToString().Replace("cursor-", "", StringComparison.Ordinal), out var after) ? after : 0;
            var page = all.Skip(start).Take(TemplatePageSize).Select(t => (JsonNode)t.DeepClone()).ToArray();
            var end = start + page.Length;
            var paging = new JsonObject { ["cursors"] = new JsonObject { ["before"] = $"cursor-{start}", ["after"] = $"cursor-{end}" } };
            // Meta's own next link points at graph.facebook.com: a client that followed it would leave the loopback.
            if (end < all.Length) paging["next"] = $"https://graph.facebook.com/{Version}/{waba}/message_templates?limit={TemplatePageSize}&after=cursor-{end}";
            return Results.Json(new JsonObject { ["data"] = new JsonArray(page), ["paging"] = paging });
        });
        app.MapPost($"/{Version}/{{waba}}/message_templates", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject;
            var name = body?["name"]?.GetValue<string>() ?? "";
            if (name.StartsWith(RefusedPrefix, StringComparison.Ordinal))
                return Results.Json(new
                {
                    error = new
                    {
                        message = "Invalid parameter",
                        type = "OAuthException",
                        code = 100,
                        error_subcode = 2388299,
                        is_transient = false,
                        error_user_title = "Variables can't be at the start or end of the template",
                        error_user_msg = RefusalMessage,
                        fbtrace_id = "AbCdEfGhIjK",
                    },
                }, statusCode: 400);
            return Results.Json(new { id = $"{Math.Abs(name.GetHashCode(StringComparison.Ordinal))}", status = "PENDING", category = body?["category"]?.GetValue<string>() });
        });
    }

    /// <summary>A template as Meta lists it.</summary>
    public static JsonObject MetaTemplate(string name, string language, string status, string category, string body, params string[] examples)
    {
        var bodyComponent = new JsonObject { ["type"] = "BODY", ["text"] = body };
        if (examples.Length > 0)
            bodyComponent["example"] = new JsonObject { ["body_text"] = new JsonArray(new JsonArray(examples.Select(e => (JsonNode?)e).ToArray())) };
        return new JsonObject
        {
            ["name"] = name,
            ["language"] = language,
            ["status"] = status,
            ["category"] = category,
            ["id"] = $"{Math.Abs(name.GetHashCode(StringComparison.Ordinal))}",
            ["components"] = new JsonArray(bodyComponent),
        };
    }
}
