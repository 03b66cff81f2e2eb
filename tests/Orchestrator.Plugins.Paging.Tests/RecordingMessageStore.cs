using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Orchestrator.Plugins.Paging.Tests;

/// <summary>Keeps every message the in-process SMTP server receives.</summary>
public sealed class RecordingMessageStore : MessageStore
{
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
        return SmtpResponse.Ok;
    }
}
