package dev.trackingapi.baseline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

@JsonIgnoreProperties(ignoreUnknown = true)
public class TrackEventRequest {
    public String customerId;
    public String name;
    public long time;
    public List<RawAttribute> attributes;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class RawAttribute {
        public String name;
        public String type;
        public com.fasterxml.jackson.databind.JsonNode value;
    }
}
