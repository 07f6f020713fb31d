using System.Text;
using CampaignAdmin.Dashboard.Text;
using Microsoft.JSInterop;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>
/// Pasted text as it comes from the browser: a stream (recipients-grid.js), read in chunks, so a paste of any size never is
/// one circuit message (one over the hub's limit would drop the circuit, and the rows with it, without a word).
/// </summary>
public static class PastedText
{
    public const string Lost = "Nothing was pasted: the text did not reach the server. Try again, or use Import file.";

    /// <summary>The text, or why there is none (<see cref="RecipientRows.BytesRefusal"/>, <see cref="Lost"/>).</summary>
    public static async Task<(string? Text, string? Refusal)> ReadAsync(IJSStreamReference? reference)
    {
        if (reference is null) return ("", null);
        try
        {
            await using (reference)
            {
                if (RecipientRows.BytesRefusal(reference.Length) is { } refusal) return (null, refusal);
                await using var stream = await reference.OpenReadStreamAsync(RecipientRows.MaxPasteBytes);
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return (await reader.ReadToEndAsync(), null);
            }
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException or IOException or OperationCanceledException or InvalidOperationException)
        {
            // The browser stopped sending (closed, reconnected) or sent less than it announced: nothing is half-added.
            return (null, Localized.Text(typeof(PastedText), Lost));
        }
    }
}
