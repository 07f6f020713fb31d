using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace CampaignAdmin.Contracts.Tests.Wire;

/// <summary>Random JSON lists whose items use the wire's field names with values of any JSON type, nested a little.</summary>
internal static class WireFuzz
{
    public static readonly string[] CampaignFields =
        ["ID", "Name", "TemplateName", "Lang", "CreatedAt", "UpdatedAt", "SendAt", "Status", "SentCount", "DeliveredCount", "ReadCount",
         "FailedCount", "Total", "Clients", "ReportHeaders", "JSON", "Message", "Error", "AgentID", "CompanyID"];
    public static readonly string[] MessageFields =
        ["MessageKey", "CampaignID", "AccountID", "Params", "Status", "Error", "ErrorCode", "Attempts", "ProviderMessageID", "CreatedAt", "SentAt", "UpdatedAt"];
    public static readonly string[] TemplateFields =
        ["ID", "Name", "Category", "Language", "Status", "Creation", "Compose", "Variables", "Type", "Text", "Buttons", "Examples", "Example", "Format", "Slot", "Kind", "Label"];

    public static string List(Random random, string[] fields)
    {
        var json = new StringBuilder();
        switch (random.Next(10))
        {
            case 0: json.Append("null"); break;
            case 1: json.Append("{\"data\":"); Items(random, fields, json); json.Append('}'); break;
            default: Items(random, fields, json); break;
        }
        return json.ToString();
    }

    private static void Items(Random random, string[] fields, StringBuilder json)
    {
        json.Append('[');
        var count = random.Next(4);
        for (var i = 0; i < count; i++)
        {
            if (i > 0) json.Append(',');
            if (random.Next(6) == 0) Value(random, fields, json, 2);
            else Object(random, fields, json, 0);
        }
        json.Append(']');
    }

    private static void Object(Random random, string[] fields, StringBuilder json, int depth)
    {
        json.Append('{');
        var count = random.Next(fields.Length);
        for (var i = 0; i < count; i++)
        {
            if (i > 0) json.Append(',');
            var name = fields[random.Next(fields.Length)];
            json.Append(JsonSerializer.Serialize(random.Next(4) == 0 ? name.ToLowerInvariant() : name)).Append(':');
            Value(random, fields, json, depth + 1);
        }
        json.Append('}');
    }

    private static void Value(Random random, string[] fields, StringBuilder json, int depth)
    {
        switch (random.Next(depth > 3 ? 6 : 8))
        {
            case 0: json.Append("null"); break;
            case 1: json.Append(random.Next(2) == 0 ? "true" : "false"); break;
            case 2: json.Append(random.Next(-5, 1_000)); break;
            case 3: json.Append((random.NextDouble() * 1e12).ToString("R", System.Globalization.CultureInfo.InvariantCulture)); break;
            case 4: json.Append(JsonSerializer.Serialize(random.Next(3) == 0 ? "1234" : "text ✓ " + random.Next())); break;
            case 5: json.Append("\"\""); break;
            case 6:
                json.Append('[');
                for (var i = 0; i < random.Next(4); i++) { if (i > 0) json.Append(','); Value(random, fields, json, depth + 1); }
                json.Append(']');
                break;
            default: Object(random, fields, json, depth); break;
        }
    }

    /// <summary>Every string and list reachable from a contract object is non-null (nullable strings aside).</summary>
    public static void AssertNoNulls(object item, string json)
    {
        var context = new NullabilityInfoContext();
        foreach (var property in item.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var value = property.GetValue(item);
            var nullable = context.Create(property).ReadState == NullabilityState.Nullable;
            if (value is null)
            {
                Assert.True(nullable, $"{item.GetType().Name}.{property.Name} is null after reading {json}");
                continue;
            }
            if (value is IEnumerable list and not string)
                foreach (var element in list)
                {
                    Assert.NotNull(element);
                    if (element.GetType().Namespace?.StartsWith("CampaignAdmin.Contracts", StringComparison.Ordinal) == true) AssertNoNulls(element, json);
                }
        }
    }
}
