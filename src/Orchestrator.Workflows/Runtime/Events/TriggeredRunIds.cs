using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Workflows.Runtime.Events;

/// <summary>
/// The id of the run an event starts for a definition: the same for every delivery of that event, so a second delivery
/// starts nothing twice. It begins with the event's time like a version-7 id, so runs still list in start order.
/// </summary>
public static class TriggeredRunIds
{
    public static string For(string deliveryId, string definitionId, DateTimeOffset occurredAt)
    {
        Span<byte> bytes = stackalloc byte[16];
        var milliseconds = occurredAt.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{deliveryId}\n{definitionId}"));
        hash.AsSpan(0, 10).CopyTo(bytes[6..]);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: a custom, name-based layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true).ToString("N");
    }
}
