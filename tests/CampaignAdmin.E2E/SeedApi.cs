using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CampaignAdmin.E2E;

/// <summary>Creates campaigns straight through the embedded API, for tests that start from an existing campaign.</summary>
public static class SeedApi
{
    public const string DevelopmentKey = "ca_demo_development_key_do_not_use_in_production";
    public const string OrderConfirmation = "c8630dcb-dc36-4968-8ca4-26a78893c1e6";

    public static async Task<int> CreateAsync(Uri baseUrl, string name, string[] accountIds, string sendAt = "")
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Add("X-API-Key", DevelopmentKey);
        var body = new JsonObject
        {
            ["Name"] = name,
            ["TempMsgID"] = OrderConfirmation,
            ["SendAt"] = sendAt,
            ["Clients"] = new JsonArray(accountIds.Select((id, i) => (JsonNode)new JsonObject
            {
                ["AccountID"] = id,
                ["Params"] = new JsonArray("Customer " + (i + 1), "ORD-" + (1000 + i)),
            }).ToArray()),
        };
        using var response = await http.PostAsJsonAsync("v2/campaign/create", body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"create failed: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["ID"]!.GetValue<int>();
    }

    /// <summary>Waits until the campaign's ReadCount (our extension) reaches <paramref name="count"/>: receipts arrive after a delay.</summary>
    public static async Task WaitForReadCountAsync(Uri baseUrl, int id, int count)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Add("X-API-Key", DevelopmentKey);
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var all = JsonNode.Parse(await http.GetStringAsync("v2/campaign/getAll?resultSize=1000"))!.AsArray();
            var read = all.FirstOrDefault(c => c!["ID"]!.GetValue<int>() == id)?["ReadCount"]?.GetValue<int>();
            if (read >= count) return;
            if (DateTime.UtcNow > until) throw new TimeoutException($"campaign {id} has {read} read, not {count}");
            await Task.Delay(500);
        }
    }

    public static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..6]}";
}
