package io.latchkey.audit;

import java.util.List;
import java.util.OptionalLong;

/** One page of events and the cursor of the next page, when there may be one. */
public record AuditPage(List<AuditEvent> events, OptionalLong next) {

    public AuditPage {
        events = List.copyOf(events);
    }
}
