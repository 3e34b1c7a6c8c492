package dev.trackingapi.baseline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnore;

@DynamoDbBean
@JsonIgnoreProperties(ignoreUnknown = true)
public class TrackedAttribute {
    private String name;
    private String type;
    private String value;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    /** Jackson hands over any JSON value; the sample keeps its text. */
    @DynamoDbIgnore
    public void setJsonValue(JsonNode json) {
        this.value = json.isTextual() ? json.textValue() : json.toString();
    }
}
