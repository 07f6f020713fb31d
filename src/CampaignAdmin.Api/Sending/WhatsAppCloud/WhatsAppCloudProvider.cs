using System.Text.Json.Nodes;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud;

/// <summary>
/// Sends through Meta's Cloud API: each message of a batch is its own request (the API takes one message a request),
/// all of them at once (the pace counts the batch from the moment the last of them started on the wire), and each answer becomes that message's outcome (<see cref="MessageAnswers"/>). A refused token
/// pauses sending for everyone (<see cref="TokenPause"/>): the batch's messages go back to the queue, and while the pause
/// holds nothing more is sent, not even a person's resend.
/// </summary>
public sealed class WhatsAppCloudProvider(GraphApi graph, TokenPause pause) : IMessageProvider
{
    public string Name => "whatsapp-cloud";

    public async Task<IReadOnlyList<SendOutcome>> SendAsync(IReadOnlyList<OutgoingMessage> batch, SendMoment moment, CancellationToken cancellationToken)
    {
        if (pause.Known is { } paused) return batch.Select(_ => SendOutcome.Held(paused.ErrorCode, paused.Reason)).ToList();

        var outcomes = new SendOutcome[batch.Count];
        var requests = new List<(int Index, JsonObject Body)>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (CloudMessage.Translate(batch[i], out var error) is { } body) requests.Add((i, body));
            else outcomes[i] = SendOutcome.Failed(MessageAnswers.InvalidParameter, error);
        }

        // Each request may wait for a connection before it leaves: the pace counts each batch from its last departure.
        var departures = moment.Departing(requests.Count);
        await Task.WhenAll(requests.Select(async (request, i) =>
        {
            try
            {
                outcomes[request.Index] = MessageAnswers.Outcome(await graph.SendMessageAsync(request.Body, departures[i].Leave, cancellationToken));
            }
            finally
            {
                departures[i].Leave(); // one that never left counts from its end
            }
        }));

        if (outcomes.FirstOrDefault(o => o.Failure == SendFailureKind.Held) is { } refused)
            await pause.PauseAsync(refused.ErrorCode, CloudTexts.TokenRefused);
        return outcomes;
    }
}
