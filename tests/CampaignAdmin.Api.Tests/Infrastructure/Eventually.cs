namespace CampaignAdmin.Api.Tests.Infrastructure;

/// <summary>Waits for a condition the background dispatcher will make true, failing with what was last seen.</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what ?? "condition"}; last value: {System.Text.Json.JsonSerializer.Serialize(value)}");
            await Task.Delay(25);
        }
    }
}
