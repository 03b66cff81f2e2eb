using Orchestrator.Incidents.Storage;

namespace Orchestrator.Server.Api;

/// <summary>A page of a list: <c>{ items, total, page, pageSize }</c>.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public static PagedResponse<T> From<TSource>(PagedResult<TSource> page, Func<TSource, T> map) =>
        new(page.Items.Select(map).ToList(), page.Total, page.Page, page.PageSize);
}
