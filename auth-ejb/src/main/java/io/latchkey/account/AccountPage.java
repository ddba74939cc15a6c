package io.latchkey.account;

import java.util.List;

/** One page of a search, with the total number of matches. */
public record AccountPage(List<Account> items, int offset, int limit, long total) {
    public AccountPage {
        items = List.copyOf(items);
    }
}
