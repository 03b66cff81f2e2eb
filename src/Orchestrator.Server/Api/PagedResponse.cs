using Orchestrator.Incidents.Storage;

namespace Orchestrator.Server.Api;

/// <summary>A page of a list: <c>{ items, total, page, pageSize }</c>.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public static PagedResponse<T> From<TSource>(PagedResult<TSource> page, Func<TSource, T> map) =>
        new(page.Items.Select(map).ToList(), page.Total, page.Page, page.PageSize);

    /// <summary>A page of a short list held in memory (integrations, approvals, definitions): the same shape as the
    /// database-paged lists, so clients page every list alike.</summary>
    public static PagedResponse<T> Of(IReadOnlyList<T> all, int? page, int? pageSize)
    {
        var (p, size) = Paging.Read(page, pageSize);
        return new(all.Skip((p - 1) * size).Take(size).ToList(), all.Count, p, size);
    }
}
