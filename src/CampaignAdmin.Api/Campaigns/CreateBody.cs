using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>
/// A create request whose clients stay in the body until they are stored. A million clients parsed into objects are
/// ~250 MB that live for the whole create, and every collection meanwhile copies them as they are promoted: the pauses
/// other requests waited on. Here one pass over the body (<see cref="Read"/>) checks rule 1 without building a client,
/// and each chunk of clients is read again from the body when it is written (<see cref="ClientSource.Read"/>), so a
/// chunk's objects die young.
/// </summary>
/// <remarks>
/// The pass accepts only what <see cref="JsonSerializer"/> would read the same way (ASCII keys without escapes, no
/// repeated field, strings and nulls where the contract has them), and hands anything else, every malformed body
/// included, to <see cref="JsonSerializer"/>: its answer, error text or request, is then the answer. So the texts of
/// rule 1 are the serializer's own, and an odd body costs a normal parse, never a different result.
/// </remarks>
internal sealed partial class CreateBody
{
    private CreateBody(CreateCampaignRequest request, ClientSource clients) => (Request, Clients) = (request, clients);

    /// <summary>
    /// The request for rules 2–8. Of a streamed body its <c>Clients</c> holds stand-ins that give those rules the same
    /// answer as the whole list: the first client (rule 6 counts its params), and clients with the fewest and the most
    /// params (rule 7 asks whether every client has exactly the template's count). Rule 9 reads the real ones.
    /// </summary>
    public CreateCampaignRequest Request { get; }

    public ClientSource Clients { get; }

    /// <summary>Whether the clients are read from the body (else the serializer read the body, or it was parsed already).</summary>
    public bool IsStreamed => Clients is StreamedSource;

    /// <summary>An already parsed request (the demo data, tests): its own list is the source.</summary>
    public static CreateBody Of(CreateCampaignRequest request)
    {
        request.Normalize();
        return new CreateBody(request, new ListSource(request.Clients));
    }

    /// <summary>The request in <paramref name="body"/>, or null for the JSON literal <c>null</c>; throws <see cref="JsonException"/> as the serializer does.</summary>
    public static CreateBody? Read(ReadOnlyMemory<byte> body)
    {
        if (Scan(body.Span) is { } scan)
            return new CreateBody(scan.Request, new StreamedSource(body, scan.Count, scan.Chunks));
        return JsonSerializer.Deserialize<CreateCampaignRequest>(body.Span, CampaignJson.Options) is { } request ? Of(request) : null;
    }

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = CampaignJson.Options.MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    [Flags]
    private enum Field
    {
        None = 0, Name = 1, Message = 2, Clients = 4, Json = 8, TempMsgId = 16, SendAt = 32, AccountId = 64, Params = 128,
    }

    private static readonly (byte[] Key, Field Field)[] TopFields =
        [("Name"u8.ToArray(), Field.Name), ("Message"u8.ToArray(), Field.Message), ("Clients"u8.ToArray(), Field.Clients),
         ("JSON"u8.ToArray(), Field.Json), ("TempMsgID"u8.ToArray(), Field.TempMsgId), ("SendAt"u8.ToArray(), Field.SendAt)];

    private static readonly (byte[] Key, Field Field)[] ClientFields =
        [("AccountID"u8.ToArray(), Field.AccountId), ("Params"u8.ToArray(), Field.Params)];

    /// <summary>
    /// The field a key names, in any ASCII case. A key with an escape or a non-ASCII letter might still match one
    /// (the serializer unescapes, and compares ignoring case beyond ASCII), so it goes to the serializer.
    /// </summary>
    private static Field FieldOf(ref Utf8JsonReader reader, (byte[] Key, Field Field)[] fields)
    {
        if (reader.ValueIsEscaped) throw new NotPlain();
        var key = reader.ValueSpan;
        foreach (var b in key)
            if (b >= 0x80) throw new NotPlain();
        foreach (var (name, field) in fields)
            if (System.Text.Ascii.EqualsIgnoreCase(key, name)) return field;
        return Field.None;
    }
}
